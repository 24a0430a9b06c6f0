import 'server-only';
import nodemailer, { type Transporter } from 'nodemailer';

/** A message the site sends: plain text, one recipient. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
}

let transport: Transporter | undefined;

/**
 * Sends a message through the SMTP server named by SMTP_URL (smtp://user:pass@host:587, or
 * smtps:// for TLS from the start), from MAIL_FROM. Without SMTP_URL nothing can be sent, so the
 * message goes to the server log instead, saying so: enough to reset a password on a developer's
 * machine, and a loud sign in production that mail is not set up.
 */
export async function sendMail(mail: Mail): Promise<void> {
  const url = process.env.SMTP_URL;
  if (!url) {
    console.warn(`[mail] SMTP_URL is not set, so this message was NOT sent. Set SMTP_URL (and MAIL_FROM) to send mail.\n  To: ${mail.to}\n  Subject: ${mail.subject}\n\n${mail.text}\n`);
    return;
  }
  transport ??= nodemailer.createTransport(url);
  await transport.sendMail({ from: process.env.MAIL_FROM ?? 'Traffic Cop <no-reply@localhost>', ...mail });
}
