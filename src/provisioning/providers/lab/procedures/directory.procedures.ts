import { labFailure } from '../lab-failures';
import { directoryKeys } from '../../leaves/directory.leaves';
import { type LabNamespace, runOf, writingRun } from '../lab-procedure';
import { deleteIfCreatedBy, deleteWithTombstone, insertOrExisting, recordedPrevious, rememberPrevious, restoreFromTombstone } from '../lab-store';

/** Directory: one OU per customer organization, users alias@domain inside it. */

/** The OU path is derived from the organization id: stable, unique, never a naming conflict. */
export function ouPathOf(organizationId: string): string {
  return `OU=${organizationId},OU=Hosting,DC=lab,DC=provisio`;
}

interface UserProps {
  displayName: string;
  disabled: boolean;
}

export const directoryLab: LabNamespace<'Directory'> = {
  CreateOrganization: {
    async execute(store, i, ctx) {
      await insertOrExisting(
        store,
        {
          text: `INSERT INTO lab.directory_ous (organization_id, name, domain, ou_path, created_by_run) VALUES ($1, $2, $3, $4, $5)
                 ON CONFLICT DO NOTHING RETURNING organization_id`,
          params: [i.organizationId, i.name, i.domain, ouPathOf(i.organizationId), runOf(ctx)],
        },
        { text: `SELECT organization_id FROM lab.directory_ous WHERE organization_id = $1`, params: [i.organizationId] },
      );
      return { output: { ouPath: ouPathOf(i.organizationId) } };
    },
    async rollback(store, i, _data, ctx) {
      await deleteIfCreatedBy(store, 'lab.directory_ous', [i.organizationId], runOf(ctx));
    },
  },

  DeleteOrganization: {
    async execute(store, i, ctx) {
      await store.tx((q) => deleteWithTombstone(q, { table: 'lab.directory_ous', key: [i.organizationId], objectKey: directoryKeys.ou(i.organizationId), runId: runOf(ctx) }));
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
      const r = await insertOrExisting<{ organization_id: string; upn: string; distinguished_name: string }>(
        store,
        {
          text: `INSERT INTO lab.directory_users (organization_id, alias, upn, distinguished_name, display_name, created_by_run)
                 VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING organization_id, upn, distinguished_name`,
          params: [i.organizationId, i.alias, upn, dn, i.displayName, runOf(ctx)],
        },
        { text: `SELECT organization_id, upn, distinguished_name FROM lab.directory_users WHERE organization_id = $1 AND alias = $2`, params: [i.organizationId, i.alias] },
      );
      if (!r) throw labFailure('LAB_CONFLICT', `the user principal name ${upn} belongs to another organization`, { userPrincipalName: upn });
      return { output: { userPrincipalName: r.row.upn, distinguishedName: r.row.distinguished_name } };
    },
    async rollback(store, i, _data, ctx) {
      await deleteIfCreatedBy(store, 'lab.directory_users', [i.organizationId, i.alias], runOf(ctx));
    },
  },

  DeleteUser: {
    async execute(store, i, ctx) {
      await store.tx((q) =>
        deleteWithTombstone(q, { table: 'lab.directory_users', key: [i.organizationId, i.alias], objectKey: directoryKeys.user(i.organizationId, i.alias), runId: runOf(ctx) }),
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
        const [cur] = await q.rows(`SELECT display_name, disabled FROM lab.directory_users WHERE organization_id = $1 AND alias = $2 FOR UPDATE`, [i.organizationId, i.alias]);
        if (!cur) throw labFailure('LAB_NOT_FOUND', `directory user ${i.alias} does not exist`);
        const next: UserProps = { displayName: i.displayName ?? cur.display_name, disabled: i.disabled ?? cur.disabled };
        const prev = await rememberPrevious<UserProps>(q, writingRun(ctx), ctx.stepSeq, directoryKeys.user(i.organizationId, i.alias), { displayName: cur.display_name, disabled: cur.disabled }, next);
        await q.rows(`UPDATE lab.directory_users SET display_name = $3, disabled = $4 WHERE organization_id = $1 AND alias = $2`, [i.organizationId, i.alias, next.displayName, next.disabled]);
        return prev;
      });
      return { output: {}, rollback: previous };
    },
    /** Without rollback data: restores what the change log holds for this run, else leaves the user as is. */
    async rollback(store, i, data: UserProps | undefined, ctx) {
      await store.tx(async (q) => {
        const prev = data ?? (await recordedPrevious<UserProps>(q, writingRun(ctx), directoryKeys.user(i.organizationId, i.alias)));
        if (!prev) return;
        await q.rows(`UPDATE lab.directory_users SET display_name = $3, disabled = $4 WHERE organization_id = $1 AND alias = $2`, [
          i.organizationId,
          i.alias,
          prev.displayName,
          prev.disabled,
        ]);
      });
    },
  },

  GetUser: {
    async execute(store, i) {
      const [u] = await store.rows(`SELECT upn, display_name, disabled FROM lab.directory_users WHERE organization_id = $1 AND alias = $2`, [i.organizationId, i.alias]);
      if (!u) throw labFailure('LAB_NOT_FOUND', `directory user ${i.alias} does not exist`);
      return { output: { userPrincipalName: u.upn, displayName: u.display_name, disabled: u.disabled } };
    },
  },

  ListUsers: {
    async execute(store, i) {
      const [ou] = await store.rows(`SELECT 1 FROM lab.directory_ous WHERE organization_id = $1`, [i.organizationId]);
      if (!ou) throw labFailure('LAB_NOT_FOUND', `the organization OU does not exist`);
      const rows = await store.rows(`SELECT alias, upn, display_name, disabled FROM lab.directory_users WHERE organization_id = $1 ORDER BY alias`, [i.organizationId]);
      return { output: { users: rows.map((u) => ({ alias: u.alias, userPrincipalName: u.upn, displayName: u.display_name, disabled: u.disabled })) } };
    },
  },
};
