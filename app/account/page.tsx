import type { Metadata } from 'next';
import { cookies, headers } from 'next/headers';
import { AccountPanel } from '@/app/ui/account/account-panel';
import { getAuth } from '@/server/auth/auth';
import { guestSummary } from '@/server/learners/guest-merge';
import { LEARNER_COOKIE } from '@/server/learners/cookie';

export const metadata: Metadata = { title: 'Your account', description: 'Sign up to keep your progress on every device, sign in, change your password, export or delete your data.' };

export default async function AccountPage() {
  const session = await getAuth().api.getSession({ headers: await headers() });
  // Signed in on a browser that was used as a guest: its progress can be added to the account.
  const guest = session ? await guestSummary((await cookies()).get(LEARNER_COOKIE)?.value) : undefined;
  return (
    <main id="main" className="page account-page">
      <h1>Your account</h1>
      <AccountPanel account={session ? { email: session.user.email, name: session.user.name } : null} guest={guest} />
    </main>
  );
}
