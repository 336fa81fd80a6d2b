import { Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditSealLoop, sealWithPool } from './audit-sealer';
import { pgPoolOf } from '../database/sql';

/** The API process's sealer: seals in the background, and on demand before every audit read. */
@Injectable()
export class AuditSealer implements OnModuleInit, OnApplicationShutdown {
  private readonly loop: AuditSealLoop;

  constructor(ds: DataSource) {
    this.loop = new AuditSealLoop(() => sealWithPool(pgPoolOf(ds)));
  }

  onModuleInit(): void {
    this.loop.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }

  /** Every event committed before this call is on the chain when it resolves. */
  sealNow(): Promise<number> {
    return this.loop.sealNow();
  }
}
