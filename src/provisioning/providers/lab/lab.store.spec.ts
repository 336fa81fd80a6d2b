import { ProviderError } from '../provider';
import { LabOutcomeUnknownError, labErrorOf } from './lab.store';

describe('lab store error mapping', () => {
  const pgError = (code: string | undefined, message: string, constraint?: string) => Object.assign(new Error(message), { code, constraint });

  it('explains a missing prerequisite or a dependent object from the violated foreign key', () => {
    const missing = labErrorOf(
      pgError('23503', 'insert or update on table "mailboxes" violates foreign key constraint "lab_mailboxes_user_fk"', 'lab_mailboxes_user_fk'),
    );
    expect(missing).toMatchObject({ code: 'LAB_PREREQUISITE_MISSING', retryable: false, message: 'the directory user does not exist' });
    const inUse = labErrorOf(
      pgError(
        '23503',
        'update or delete on table "directory_users" violates foreign key constraint "lab_mailboxes_user_fk" on table "mailboxes"',
        'lab_mailboxes_user_fk',
      ),
    );
    expect(inUse).toMatchObject({ code: 'LAB_IN_USE', retryable: false, message: 'the user still has a mailbox' });
  });

  it('retries what certainly did nothing, and reports a connection lost mid-call as an unknown outcome', () => {
    expect(labErrorOf(pgError('40P01', 'deadlock detected'))).toMatchObject({ code: 'LAB_UNAVAILABLE', retryable: true });
    expect(labErrorOf(pgError('23505', 'duplicate key'))).toMatchObject({ code: 'LAB_CONFLICT', retryable: false });
    for (const lost of [
      pgError(undefined, 'Connection terminated unexpectedly'),
      pgError('ECONNRESET', 'read ECONNRESET'),
      pgError('57P01', 'terminating connection due to administrator command'),
    ]) {
      const e = labErrorOf(lost);
      expect(e).toBeInstanceOf(LabOutcomeUnknownError);
      expect(e).not.toBeInstanceOf(ProviderError);
    }
    expect(labErrorOf(pgError('42P01', 'relation does not exist'))).toMatchObject({ code: 'LAB_INTERNAL', retryable: false });
  });
});
