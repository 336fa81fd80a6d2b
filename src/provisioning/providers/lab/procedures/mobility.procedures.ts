import { clock } from '../../../../common/clock';
import { labFailure } from '../lab-failures';
import { mobilityKeys } from '../../leaves/mobility.leaves';
import { type LabNamespace, runOf, writingRun } from '../lab-procedure';
import { deleteIfCreatedBy, deleteWithTombstone, recordedPrevious, rememberPrevious, restoreFromTombstone } from '../lab.store';
import {
  insertMobilityUser,
  insertPolicy,
  listDevices,
  lockDeviceWipe,
  lockUserPolicy,
  mobilityUserExists,
  setDeviceWipe,
  setUserPolicy,
  type WipeState,
} from './mobility.store';

interface PolicyPrev {
  policy: string;
}

/** Mobility (ActiveSync): policies, mobility-enabled mailboxes and their devices. */

export const mobilityLab: LabNamespace<'Mobility'> = {
  CreatePolicy: {
    async execute(store, i, ctx) {
      await insertPolicy(store, {
        organizationId: i.organizationId,
        name: i.policy,
        requirePin: i.requirePin,
        maxDevicesPerUser: i.maxDevicesPerUser,
        runId: runOf(ctx),
      });
      return { output: {} };
    },
    async rollback(store, i, _data, ctx) {
      await deleteIfCreatedBy(store, 'lab.mobility_policies', [i.organizationId, i.policy], runOf(ctx));
    },
  },

  DeletePolicy: {
    async execute(store, i, ctx) {
      await store.tx((q) =>
        deleteWithTombstone(q, {
          table: 'lab.mobility_policies',
          key: [i.organizationId, i.policy],
          objectKey: mobilityKeys.policy(i.organizationId, i.policy),
          runId: runOf(ctx),
        }),
      );
      return { output: {} };
    },
    async rollback(store, i, _data, ctx) {
      await store.tx((q) => restoreFromTombstone(q, mobilityKeys.policy(i.organizationId, i.policy), writingRun(ctx)));
    },
  },

  EnableUser: {
    async execute(store, i, ctx) {
      await insertMobilityUser(store, { organizationId: i.organizationId, alias: i.alias, policy: i.policy, runId: runOf(ctx) });
      return { output: {} };
    },
    async rollback(store, i, _data, ctx) {
      // Devices that synced meanwhile go with it (foreign key cascade), as partnerships do on a real platform.
      await deleteIfCreatedBy(store, 'lab.mobility_users', [i.organizationId, i.alias], runOf(ctx));
    },
  },

  SetUserPolicy: {
    async execute(store, i, ctx) {
      const previous = await store.tx(async (q) => {
        const current = await lockUserPolicy(q, i.organizationId, i.alias);
        if (current === undefined) throw labFailure('LAB_NOT_FOUND', `${i.alias} is not enabled for mobility`);
        const prev = await rememberPrevious<PolicyPrev>(
          q,
          writingRun(ctx),
          ctx.stepSeq,
          mobilityKeys.user(i.organizationId, i.alias),
          { policy: current },
          { policy: i.policy },
        );
        await setUserPolicy(q, i.organizationId, i.alias, i.policy);
        return prev;
      });
      return { output: {}, rollback: previous };
    },
    /** Without rollback data: restores what the change log holds for this run, else leaves the policy as is. */
    async rollback(store, i, data: PolicyPrev | undefined, ctx) {
      await store.tx(async (q) => {
        const prev = data ?? (await recordedPrevious<PolicyPrev>(q, writingRun(ctx), mobilityKeys.user(i.organizationId, i.alias)));
        if (prev) await setUserPolicy(q, i.organizationId, i.alias, prev.policy);
      });
    },
  },

  DisableUser: {
    async execute(store, i, ctx) {
      await store.tx((q) =>
        deleteWithTombstone(q, {
          table: 'lab.mobility_users',
          key: [i.organizationId, i.alias],
          objectKey: mobilityKeys.user(i.organizationId, i.alias),
          runId: runOf(ctx),
          children: [{ table: 'lab.mobility_devices', columns: ['organization_id', 'alias'] }],
        }),
      );
      return { output: {} };
    },
    async rollback(store, i, _data, ctx) {
      await store.tx((q) => restoreFromTombstone(q, mobilityKeys.user(i.organizationId, i.alias), writingRun(ctx)));
    },
  },

  WipeDevice: {
    async execute(store, i, ctx) {
      const previous = await store.tx(async (q) => {
        const current = await lockDeviceWipe(q, i.organizationId, i.alias, i.deviceId);
        if (!current) throw labFailure('LAB_NOT_FOUND', `device ${i.deviceId} of ${i.alias} does not exist`);
        const next: WipeState = { wipeStatus: 'pending', wipeRequestedAt: current.wipeRequestedAt ?? clock.now().toISOString() };
        const prev = await rememberPrevious<WipeState>(
          q,
          writingRun(ctx),
          ctx.stepSeq,
          mobilityKeys.device(i.organizationId, i.alias, i.deviceId),
          current,
          next,
        );
        await setDeviceWipe(q, i.organizationId, i.alias, i.deviceId, next);
        return prev;
      });
      return { output: {}, rollback: previous };
    },
    /** Cancels the pending wipe (restores the previous state); without rollback data uses the change log, else leaves as is. */
    async rollback(store, i, data: WipeState | undefined, ctx) {
      await store.tx(async (q) => {
        const prev = data ?? (await recordedPrevious<WipeState>(q, writingRun(ctx), mobilityKeys.device(i.organizationId, i.alias, i.deviceId)));
        if (prev) await setDeviceWipe(q, i.organizationId, i.alias, i.deviceId, prev);
      });
    },
  },

  GetDevices: {
    async execute(store, i) {
      if (!(await mobilityUserExists(store, i.organizationId, i.alias))) throw labFailure('LAB_NOT_FOUND', `${i.alias} is not enabled for mobility`);
      return { output: { devices: await listDevices(store, i.organizationId, i.alias) } };
    },
  },
};
