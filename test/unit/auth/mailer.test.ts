import { afterEach, describe, expect, it, vi } from 'vitest';
import { sendMail } from '@/server/auth/mailer';

afterEach(() => vi.restoreAllMocks());

describe('mail without an SMTP server', () => {
  it('prints the whole message, link included, to the server log and says it was not sent', async () => {
    const saved = process.env.SMTP_URL;
    delete process.env.SMTP_URL;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await sendMail({ to: 'a@example.com', subject: 'Reset your Traffic Cop password', text: 'http://127.0.0.1:3000/account/reset-password?token=abc' });
    if (saved !== undefined) process.env.SMTP_URL = saved;
    expect(warn).toHaveBeenCalledTimes(1);
    const logged = String(warn.mock.calls[0]![0]);
    expect(logged).toContain('SMTP_URL is not set, so this message was NOT sent');
    expect(logged).toContain('To: a@example.com');
    expect(logged).toContain('http://127.0.0.1:3000/account/reset-password?token=abc');
  });
});
