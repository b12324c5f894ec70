// Phrases the sizing findings and views share.
import type { Evaluation } from './report';

/** "if the CORE fleet launches only r5.2xlarge: ceil(40 / 8) = 5 nodes": the worst case a fleet figure assumes, or nothing. */
export function fleetCase(e: Evaluation): string | undefined {
  if (e.fleetChoices.length === 0) return undefined;
  return `if ${e.fleetChoices.map((f) => `${f.fleet} launches only ${f.instanceType}: ceil(${f.targetCapacity} / ${f.weight}) = ${f.nodes} nodes`).join(', and ')}`;
}
