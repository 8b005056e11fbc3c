// The cost model of `npm run bench` is the emulator's (dev/emulator/cost.ts): the emulated clock
// advances by the same time for every service call, so an execution's estimate is its duration.

export { COST_MODEL, callCost, estimate } from '../emulator/cost';
export type { CostModel, Estimate } from '../emulator/cost';
