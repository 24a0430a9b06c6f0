import 'server-only';
import { cookies } from 'next/headers';
import { LEARNER_COOKIE, learnerIdFrom } from './learner-cookie';

/** The learner the page request's cookie names, for server components; reading never creates one. */
export async function currentLearnerId(): Promise<string | undefined> {
  return learnerIdFrom((await cookies()).get(LEARNER_COOKIE)?.value);
}
