import type { Metadata } from 'next';
import Link from 'next/link';
import { ResetPasswordForm } from '@/app/ui/account/password-reset';

export const metadata: Metadata = { title: 'Choose a new password' };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  return (
    <main id="main" className="page account-page">
      <h1>Choose a new password</h1>
      {typeof token === 'string' && token ? (
        <ResetPasswordForm token={token} />
      ) : (
        <p role="alert">
          This page needs the link from the reset email. <Link href="/account/forgot-password">Ask for one</Link>.
        </p>
      )}
    </main>
  );
}
