import { type JournalRow, pendingRollbacks } from './compensation-plan';

let seq = 0;
function row(over: Partial<JournalRow>): JournalRow {
  return {
    seq: ++seq,
    phase: 'execute',
    pc: 0,
    path: 'p',
    namespace: 'T',
    procedure: 'Create',
    kind: 'write',
    naturalKey: 'k',
    status: 'completed',
    outcomeUnknown: false,
    compensatesSeq: null,
    input: {},
    rollbackData: null,
    ...over,
  };
}

describe('pendingRollbacks', () => {
  beforeEach(() => (seq = 0));

  it('undoes completed write steps newest first and skips reads and clean failures', () => {
    const journal = [
      row({ path: 'a', naturalKey: 'a' }),
      row({ path: 'r', naturalKey: 'r', kind: 'read' }),
      row({ path: 'b', naturalKey: 'b' }),
      row({ path: 'c', naturalKey: 'c', status: 'failed' }),
    ];
    expect(pendingRollbacks(journal).map((r) => r.path)).toEqual(['b', 'a']);
  });

  it('undoes a failed step whose outcome is unknown', () => {
    const journal = [row({ path: 'a', naturalKey: 'a' }), row({ path: 'b', naturalKey: 'b', status: 'failed', outcomeUnknown: true })];
    expect(pendingRollbacks(journal).map((r) => r.path)).toEqual(['b', 'a']);
  });

  it('treats the attempts of one call as one effect, represented by the newest', () => {
    const journal = [
      row({ path: 'a', naturalKey: 'a', status: 'failed', outcomeUnknown: true }),
      row({ path: 'a', naturalKey: 'a', rollbackData: { previous: 1 } }),
    ];
    const pending = pendingRollbacks(journal);
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ seq: 2, rollbackData: { previous: 1 } });
  });

  it('keeps two calls on the same natural key apart (different paths)', () => {
    const journal = [row({ path: 'q1', naturalKey: 'mailbox:ann' }), row({ path: 'q2', naturalKey: 'mailbox:ann' })];
    expect(pendingRollbacks(journal).map((r) => r.path)).toEqual(['q2', 'q1']);
  });

  it('skips what a completed rollback already undid, but not what a failed rollback tried', () => {
    const journal = [
      row({ path: 'a', naturalKey: 'a' }),
      row({ path: 'b', naturalKey: 'b' }),
      row({ phase: 'rollback', path: 'b', naturalKey: 'b', compensatesSeq: 2 }),
      row({ phase: 'rollback', path: 'a', naturalKey: 'a', compensatesSeq: 1, status: 'failed' }),
    ];
    expect(pendingRollbacks(journal).map((r) => r.seq)).toEqual([1]);
  });

  it('compensates a replay again after an operator retry', () => {
    const journal = [
      row({ path: 'a', naturalKey: 'a' }),
      row({ phase: 'rollback', path: 'a', naturalKey: 'a', compensatesSeq: 1 }),
      row({ path: 'a', naturalKey: 'a' }),
    ];
    expect(pendingRollbacks(journal).map((r) => r.seq)).toEqual([3]);
  });

  it('keeps steps without a natural key (never parsed) apart by their seq', () => {
    const journal = [
      row({ path: 'x', naturalKey: null, status: 'failed', outcomeUnknown: true }),
      row({ path: 'x', naturalKey: null, status: 'failed', outcomeUnknown: true }),
    ];
    expect(pendingRollbacks(journal).map((r) => r.seq)).toEqual([2, 1]);
  });
});
