import { createRoot, type Root } from 'react-dom/client';
import { SearchDialog } from '@/app/ui/search/search-dialog';

let root: Root | undefined;
let opened = 0;

/** The site's search dialog, in a root of its own; choosing a result is a page load onto its section. */
export function openSearch(): void {
  if (!root) {
    const host = document.createElement('div');
    document.body.append(host);
    root = createRoot(host);
  }
  opened += 1;
  root.render(<SearchDialog key={opened} onClose={() => root?.render(null)} />);
}
