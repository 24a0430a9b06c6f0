// No zod here: the exercise page's client bundle imports this, and zod's schema builders probe for
// eval, which the site's CSP blocks (and Chromium reports).

/** Failed submits after which the learner may ask to see the reference solution. */
export const FAILS_BEFORE_SOLUTION = 3;

/** Whether the learner may see the reference solution: `earned` after a pass, `offered` after enough failed submits. */
export type SolutionAccess = 'earned' | 'offered' | 'locked';

/** The solution is earned by one accepted submission and offered after FAILS_BEFORE_SOLUTION failed ones. */
export function solutionAccess(statuses: readonly string[]): SolutionAccess {
  if (statuses.includes('accepted')) return 'earned';
  return statuses.filter((status) => status !== 'accepted').length >= FAILS_BEFORE_SOLUTION ? 'offered' : 'locked';
}
