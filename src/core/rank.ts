import { RULES } from "./rules";

/** Each rule's place in the list of what blocks submission, as its meta says (meta.rank). */
const RANK = new Map(RULES.map((r) => [r.id, r.meta.rank]));

/** A rule's rank (a finding of the engine's own, not a rule's, comes after every rule). */
export function blockingRank(id: string): number {
  return RANK.get(id) ?? Number.MAX_SAFE_INTEGER;
}
