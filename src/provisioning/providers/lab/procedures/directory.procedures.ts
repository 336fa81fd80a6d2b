import { labFailure } from '../lab-failures';
import { directoryKeys } from '../../leaves/directory.leaves';
import { type LabNamespace, runOf, writingRun } from '../lab-procedure';
import { deleteIfCreatedBy, deleteWithTombstone, recordedPrevious, rememberPrevious, restoreFromTombstone } from '../lab.store';
import { findDirectoryUser, insertDirectoryUser, insertOu, listDirectoryUsers, lockUserProps, ouExists, setUserProps, type UserProps } from './directory.store';

/** Directory: one OU per customer organization, users alias@domain inside it. */

/** The OU path is derived from the organization id: stable, unique, never a naming conflict. */
export function ouPathOf(organizationId: string): string {
  return `OU=${organizationId},OU=Hosting,DC=lab,DC=provisio`;
}

export const directoryLab: LabNamespace<'Directory'> = {
  CreateOrganization: {
    async execute(store, i, ctx) {
      await insertOu(store, { organizationId: i.organizationId, name: i.name, domain: i.domain, ouPath: ouPathOf(i.organizationId), runId: runOf(ctx) });
      return { output: { ouPath: ouPathOf(i.organizationId) } };
    },
    async rollback(store, i, _data, ctx) {
      await deleteIfCreatedBy(store, 'lab.directory_ous', [i.organizationId], runOf(ctx));
    },
  },

  DeleteOrganization: {
    async execute(store, i, ctx) {
      await store.tx((q) =>
        deleteWithTombstone(q, { table: 'lab.directory_ous', key: [i.organizationId], objectKey: directoryKeys.ou(i.organizationId), runId: runOf(ctx) }),
      );
      return { output: {} };
    },
    async rollback(store, i, _data, ctx) {
      await store.tx((q) => restoreFromTombstone(q, directoryKeys.ou(i.organizationId), writingRun(ctx)));
    },
  },

  CreateUser: {
    async execute(store, i, ctx) {
      const upn = `${i.alias}@${i.domain}`;
      const dn = `CN=${i.alias},${ouPathOf(i.organizationId)}`;
      const row = await insertDirectoryUser(store, {
        organizationId: i.organizationId,
        alias: i.alias,
        upn,
        dn,
        displayName: i.displayName,
        runId: runOf(ctx),
      });
      if (!row) throw labFailure('LAB_CONFLICT', `the user principal name ${upn} belongs to another organization`, { userPrincipalName: upn });
      return { output: { userPrincipalName: row.upn, distinguishedName: row.distinguished_name } };
    },
    async rollback(store, i, _data, ctx) {
      await deleteIfCreatedBy(store, 'lab.directory_users', [i.organizationId, i.alias], runOf(ctx));
    },
  },

  DeleteUser: {
    async execute(store, i, ctx) {
      await store.tx((q) =>
        deleteWithTombstone(q, {
          table: 'lab.directory_users',
          key: [i.organizationId, i.alias],
          objectKey: directoryKeys.user(i.organizationId, i.alias),
          runId: runOf(ctx),
        }),
      );
      return { output: {} };
    },
    async rollback(store, i, _data, ctx) {
      await store.tx((q) => restoreFromTombstone(q, directoryKeys.user(i.organizationId, i.alias), writingRun(ctx)));
    },
  },

  SetUserProperties: {
    async execute(store, i, ctx) {
      const previous = await store.tx(async (q) => {
        const cur = await lockUserProps(q, i.organizationId, i.alias);
        if (!cur) throw labFailure('LAB_NOT_FOUND', `directory user ${i.alias} does not exist`);
        const next: UserProps = { displayName: i.displayName ?? cur.displayName, disabled: i.disabled ?? cur.disabled };
        const prev = await rememberPrevious<UserProps>(q, writingRun(ctx), ctx.stepSeq, directoryKeys.user(i.organizationId, i.alias), cur, next);
        await setUserProps(q, i.organizationId, i.alias, next);
        return prev;
      });
      return { output: {}, rollback: previous };
    },
    /** Without rollback data: restores what the change log holds for this run, else leaves the user as is. */
    async rollback(store, i, data: UserProps | undefined, ctx) {
      await store.tx(async (q) => {
        const prev = data ?? (await recordedPrevious<UserProps>(q, writingRun(ctx), directoryKeys.user(i.organizationId, i.alias)));
        if (prev) await setUserProps(q, i.organizationId, i.alias, prev);
      });
    },
  },

  GetUser: {
    async execute(store, i) {
      const u = await findDirectoryUser(store, i.organizationId, i.alias);
      if (!u) throw labFailure('LAB_NOT_FOUND', `directory user ${i.alias} does not exist`);
      return { output: { userPrincipalName: u.userPrincipalName, displayName: u.displayName, disabled: u.disabled } };
    },
  },

  ListUsers: {
    async execute(store, i) {
      if (!(await ouExists(store, i.organizationId))) throw labFailure('LAB_NOT_FOUND', `the organization OU does not exist`);
      return { output: { users: await listDirectoryUsers(store, i.organizationId) } };
    },
  },
};
