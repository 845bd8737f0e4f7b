import { describe, runScenario } from "./scheduler.js";
const r = await runScenario("scheduler", { sessions: 1000, busy: 20, quietChanges: 5, budgetPerMinute: 100, trackerLimitPerMinute: 120, warmupMinutes: 30, minutes: 10, tailMinutes: 16, speed: 20 });
console.log(describe("scheduler", r));
process.exit(0);
