import { randomUUID } from 'node:crypto';
import type { BrowserClient } from './browser-client';

/** What the integration tests about accounts do as a learner would, through the site's own routes. */

export const PASSWORD = 'correct horse battery';

export const complete = (browser: BrowserClient, lessonId: string) => browser.call('POST', `/api/progress/${lessonId}`, { action: 'complete', requestId: randomUUID() });

/** The ids of the lessons the browser's learner has completed, sorted. */
export async function completed(browser: BrowserClient): Promise<string[]> {
  const { json } = await browser.call('GET', '/api/progress');
  return Object.entries(json.lessons as Record<string, { completed: boolean }>)
    .filter(([, lesson]) => lesson.completed)
    .map(([id]) => id)
    .sort();
}

export const signUp = (browser: BrowserClient, email: string, password = PASSWORD) => browser.call('POST', '/api/auth/sign-up/email', { email, password, name: email.split('@')[0] });
export const signIn = (browser: BrowserClient, email: string, password = PASSWORD) => browser.call('POST', '/api/auth/sign-in/email', { email, password });
