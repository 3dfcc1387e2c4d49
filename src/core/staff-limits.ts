/**
 * Field limits of the staff's own texts, shared by the contract (validation) and the staff
 * elements (counts). Apart from ./limits.ts so that they stay out of the readers' entry bundle:
 * only the lazy staff chunks use them.
 */
/** An incident as advisors declare it (issue 15): its title and banner, in each language, and each update's text. */
export const INCIDENT_LIMITS = {
  textMin: 3,
  titleMax: 200,
  bannerMax: 500,
  updateMax: 5_000,
} as const;

/** Colleague review (study §44, §52) and the managers' quality rubric (§11). */
export const REVIEW_LIMITS = {
  commentMax: 4_000,
  rubricCommentMax: 2_000,
} as const;
