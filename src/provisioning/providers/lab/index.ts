/** The lab provider's public surface (the composition root, tests, chaos, benchmarks, the HTTP module). */
export { createLabProvider, LAB_NAMESPACES, type LabProviderOptions } from './lab-provider';
export { LAB_FAILURE_CODES, type LabFailureCode } from './lab-failures';
export {
  FAULT_EFFECTS,
  FAULT_PHASES,
  type FaultRule,
  type FaultSettings,
  type LabFaultConfig,
  type LabFaultConfigView,
  readLabFaults,
  replaceLabFaults,
  resetLabFaults,
} from './lab-faults';
export {
  labDuplicates,
  labInventory,
  labRegisterDevice,
  labState,
  LAB_OBJECT_TYPES,
  type LabDuplicate,
  type LabInventory,
  type LabState,
} from './lab-state.store';
export { ouPathOf } from './procedures/directory.procedures';
export { LabOutcomeUnknownError } from './lab.store';
export { labCheckPassword } from './lab-password.store';
