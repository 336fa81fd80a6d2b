import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../../common/pagination/cursor';
import { IsOmittable } from '../../common/validation/omittable';
import { ID_PATTERN } from '../../common/ids';
import { IsSafeText, USERNAME_PATTERN } from '../../common/validation/safe-text';
import { DELEGABLE_ROLES, ROLES, type Role } from '../../access/permissions';

const DURATION = /^\d{1,6}(ms|s|m|h|d|w|y)$/;
const DURATION_MESSAGE = '$property must be a duration such as 30m, 12h, 90d or 1y';

export class NewUserFields {
  @ApiProperty({ example: 'ann.lee', description: 'lower case, 3–64 characters: letters, digits, dot, dash, underscore; unique' })
  @IsString()
  @Matches(USERNAME_PATTERN, { message: 'username must be 3-64 lower-case letters, digits, ".", "_" or "-", starting and ending with a letter or digit' })
  username: string;

  @ApiProperty({ example: 'Ann Lee' })
  @IsSafeText(200)
  displayName: string;

  @ApiPropertyOptional({ example: 'ann@contoso.example' })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;
}

export class CreateUserRequest extends NewUserFields {
  @ApiPropertyOptional({
    enum: ROLES,
    isArray: true,
    example: ['org_csr'],
    description: 'roles below your own, allowed in this kind of organization; default end_user',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(8)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles?: Role[];
}

export class UpdateUserRequest {
  @ApiPropertyOptional() @IsOmittable() @IsSafeText(200) displayName?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(254) email?: string;
  @ApiPropertyOptional({ description: 'disable (true) or re-enable (false) the user; its tokens stop working while disabled' })
  @IsOmittable()
  @IsBoolean()
  disabled?: boolean;
}

export class RoleRequest {
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role: Role;
}

export class RoleQuery {
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role: Role;
}

export class CreateTokenRequest {
  @ApiPropertyOptional({ example: 'ci pipeline' }) @IsOptional() @IsSafeText(100) name?: string;
  @ApiPropertyOptional({ enum: ROLES, isArray: true, description: "a subset of the owner's roles; default all of them" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(8)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles?: Role[];
  @ApiPropertyOptional({ example: '30d', description: 'lifetime (default TOKEN_DEFAULT_TTL, at most TOKEN_MAX_TTL)' })
  @IsOptional()
  @IsString()
  @Matches(DURATION, { message: DURATION_MESSAGE })
  expiresIn?: string;
}

export class CreateDelegatedTokenRequest {
  @ApiPropertyOptional({ enum: DELEGABLE_ROLES, isArray: true, description: "a subset of the delegation's roles; default all of them" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(3)
  @ArrayUnique()
  @IsIn(DELEGABLE_ROLES, { each: true })
  roles?: Role[];
  @ApiPropertyOptional({ example: '1h', description: "lifetime (default DELEGATED_TOKEN_TTL, never past the delegation's end)" })
  @IsOptional()
  @IsString()
  @Matches(DURATION, { message: DURATION_MESSAGE })
  expiresIn?: string;
}

export class DelegationOnCreate {
  @ApiProperty({ enum: DELEGABLE_ROLES, isArray: true })
  @IsArray()
  @ArrayMaxSize(3)
  @ArrayUnique()
  @IsIn(DELEGABLE_ROLES, { each: true })
  roles: Role[];
  @ApiProperty({ example: '90d', description: '1h to 2y' })
  @IsString()
  @Matches(DURATION, { message: DURATION_MESSAGE })
  duration: string;
}

export class CreateOrganizationRequest {
  @ApiProperty({ enum: ['reseller', 'customer'] }) @IsIn(['reseller', 'customer']) kind: 'reseller' | 'customer';
  @ApiProperty({ example: 'Contoso' }) @IsSafeText(200) name: string;
  @ApiPropertyOptional({ description: 'parent organization (default: your own organization)' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  parentId?: string;
  @ApiPropertyOptional({ type: NewUserFields, description: 'create the first admin (reseller_admin or org_admin) and return its first token, to hand over' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => NewUserFields)
  admin?: NewUserFields;
  @ApiPropertyOptional({ type: DelegationOnCreate, description: 'reseller only: a delegation approved at creation (audited as such)' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => DelegationOnCreate)
  delegation?: DelegationOnCreate;
}

export class UpdateOrganizationRequest {
  @ApiPropertyOptional() @IsOmittable() @IsSafeText(200) name?: string;
}

export class ReasonRequest {
  @ApiProperty({ example: 'unpaid invoice 2026-11' }) @IsSafeText(500) reason: string;
}

export class OptionalReasonRequest {
  @ApiPropertyOptional() @IsOptional() @IsSafeText(500) reason?: string;
}

export class OrganizationListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['hoster', 'reseller', 'customer'] }) @IsOptional() @IsIn(['hoster', 'reseller', 'customer']) kind?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(ID_PATTERN, { message: 'parentId must be an organization id' }) parentId?: string;
  @ApiPropertyOptional({ enum: ['active', 'suspended'] }) @IsOptional() @IsIn(['active', 'suspended']) status?: string;
}

export class CreateDelegationRequest {
  @ApiProperty({ description: 'a customer of your reseller organization' }) @IsString() @MaxLength(40) customerId: string;
  @ApiProperty({ enum: DELEGABLE_ROLES, isArray: true, example: ['org_admin'] })
  @IsArray()
  @ArrayMaxSize(3)
  @ArrayUnique()
  @IsIn(DELEGABLE_ROLES, { each: true })
  roles: Role[];
  @ApiProperty({ example: '30d', description: '1h to 2y' })
  @IsString()
  @Matches(DURATION, { message: DURATION_MESSAGE })
  duration: string;
  @ApiPropertyOptional() @IsOptional() @IsSafeText(500) note?: string;
}

export class DelegationListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['pending', 'active', 'revoked', 'expired'] }) @IsOptional() @IsIn(['pending', 'active', 'revoked', 'expired']) status?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Matches(ID_PATTERN, { message: 'customerId must be an organization id' }) customerId?: string;
}
