/**
 * V8 flags every long-running Provisio process runs with. A 4 MB young generation (semi-space)
 * instead of V8's 16 MB default took the API's peak RSS under load from 183 to 138 MB and the
 * engines' from 119 to 105 MB in the same benchmark, at the same throughput and CPU per step
 * (bench engine-throughput, A/B). `npm start`, the `provisio` bin's shebang, the Dockerfile, the
 * supervisor (for its engine children) and the benchmarks all use them.
 */
export const NODE_FLAGS = ['--max-semi-space-size=4'];

/** `execArgv` plus whichever of NODE_FLAGS it lacks. */
export function withNodeFlags(execArgv: string[]): string[] {
  const missing = NODE_FLAGS.filter((f) => !execArgv.some((a) => a.split('=')[0] === f.split('=')[0]));
  return [...missing, ...execArgv];
}
