import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { AccountPanel } from '@/app/ui/account/account-panel';
import { getAuth } from '@/lib/server/auth';

export const metadata: Metadata = { title: 'Your account', description: 'Sign up to keep your progress on every device, sign in, change your password, export or delete your data.' };

export default async function AccountPage() {
  const session = await getAuth().api.getSession({ headers: await headers() });
  return (
    <main id="main" className="page account-page">
      <h1>Your account</h1>
      <AccountPanel account={session ? { email: session.user.email, name: session.user.name } : null} />
    </main>
  );
}
