/**
 * Stand-in for @atlaskit/feature-gate-js-client in the Custom UI bundles (scripts/build-static.ts). Inside a Forge
 * iframe no Statsig client is ever initialised, so the real client answers every gate with its default (false) and
 * every experiment value with the caller's default: this answers the same without ~120 KB of Statsig code.
 */
const FeatureGates = {
  initializeCalled: () => false,
  initializeCompleted: () => false,
  checkGate: () => false,
  getExperimentValue: (_experiment, _parameter, defaultValue) => defaultValue,
  getExperiment: () => ({ get: (_parameter, defaultValue) => defaultValue }),
};
export default FeatureGates;
