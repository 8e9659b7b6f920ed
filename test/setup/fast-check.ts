// Replays one failing property: FC_SEED and FC_PATH (as fast-check printed them) apply to every
// fc.assert in the run, so pick the one test with -t (README, "Development").
import fc from 'fast-check';

const seed = process.env.FC_SEED;
if (seed !== undefined && seed !== '') {
  // GlobalParameters' type leaves `path` out, but fc.assert reads the global parameters whole.
  const replay = { seed: Number(seed), path: process.env.FC_PATH || undefined, endOnFailure: true };
  fc.configureGlobal({ ...fc.readConfigureGlobal(), ...(replay as fc.GlobalParameters) });
}
