import type { Page } from 'playwright-core';

/** Replaces the exercise editor's text the way a learner pastes: a paste event on the focused editor. */
export async function pasteCode(page: Page, code: string): Promise<void> {
  // The learner's own editor: after an accepted submit, a diff view adds two more Monaco instances.
  await page.getByTestId('code-editor').locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, code);
}
