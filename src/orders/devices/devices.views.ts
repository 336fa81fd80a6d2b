import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class DeviceView {
  @ApiProperty({ example: 'iphone-7f3a', description: 'the id a wipe_device order names' }) id: string;
  @ApiProperty({ example: 'iPhone 15' }) model: string;
  @ApiProperty({ example: 'none', description: '`none`, or `pending` once a wipe was ordered (the device erases itself at its next sync)' }) wipeStatus: string;
  @ApiPropertyOptional({ type: String, nullable: true }) wipeRequestedAt: string | null;
}

export class DeviceList {
  @ApiProperty() organizationId: string;
  @ApiProperty({ example: 'ann' }) alias: string;
  @ApiProperty({ type: DeviceView, isArray: true }) items: DeviceView[];
}
