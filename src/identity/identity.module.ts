import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AccessService } from '../access/access.service';
import { createAccessService } from './access-ports';
import { AuthGuard } from './auth.guard';
import { AuthenticationService } from './authentication.service';
import { DelegationsService } from './delegations.service';
import { DelegationsController, MeController, OrganizationsController, TokensController, UsersController } from './identity.controllers';
import { OrganizationsService } from './organizations.service';
import { PrincipalCache } from './principal-cache';
import { TokensService } from './tokens.service';
import { UsersService } from './users.service';

/** Global: every module's services use the AccessService for tenant scope. */
@Global()
@Module({
  controllers: [MeController, TokensController, OrganizationsController, UsersController, DelegationsController],
  providers: [
    PrincipalCache,
    AuthenticationService,
    { provide: AccessService, useFactory: createAccessService, inject: [DataSource] },
    OrganizationsService,
    UsersService,
    TokensService,
    DelegationsService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AccessService, AuthenticationService],
})
export class IdentityModule {}
