import type { Metadata } from 'next';
import Link from 'next/link';
import { ForgotPasswordForm } from '@/app/ui/account/password-reset';

export const metadata: Metadata = { title: 'Reset your password' };

export default function ForgotPasswordPage() {
  return (
    <main id="main" className="page account-page">
      <h1>Forgot your password?</h1>
      <ForgotPasswordForm />
      <p>
        <Link href="/account">Back to sign in</Link>
      </p>
    </main>
  );
}
