/** A section of the household page, built by its own part of the cases screens; it receives the household's id. */
export function DecisionsSection(_props: { householdId: string }) {
  return null;
}
