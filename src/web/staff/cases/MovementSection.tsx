/** A section of the household page, built by its own part of the cases screens; it receives the household's id. */
export function MovementSection(_props: { householdId: string }) {
  return null;
}
