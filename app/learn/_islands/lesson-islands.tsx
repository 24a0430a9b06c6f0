import { useSyncExternalStore, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { DiagramCanvas } from '@/app/ui/lesson/diagram';
import { SWEEP_EMBED_ID } from '@/lib/queueing/sweep-embed-id';
import type { LessonEndProps, LessonIslandData } from '../_static/page-data';
import { LessonEnd } from './lesson-end';

/*
 * The lesson's islands. Diagrams and lab embeds render as portals from one detached root into
 * their static figures (the figure's placeholder stays until the live part is drawn); the quiz
 * and Mark complete were served rendered, and hydrate.
 */

function pageJson<T>(id: string): T {
  return JSON.parse(document.getElementById(id)?.textContent ?? 'null') as T;
}

const data = pageJson<LessonIslandData>('lesson-islands');
let portals: { element: Element; node: ReactNode }[] = [];
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function Portals() {
  const list = useSyncExternalStore(subscribe, () => portals);
  return list.map(({ element, node }, index) => createPortal(node, element, String(index)));
}

let portalRoot: ReturnType<typeof createRoot> | undefined;
function addPortal(element: Element, node: ReactNode): void {
  if (!portalRoot) {
    portalRoot = createRoot(document.createElement('div'));
    portalRoot.render(<Portals />);
  }
  portals = [...portals, { element, node }];
  for (const listener of listeners) listener();
}

let labCss: Promise<void> | undefined;
/** The lab's stylesheet comes with the first embed: lessons without one never load it. */
function loadLabCss(): Promise<void> {
  labCss ??= new Promise((resolve) => {
    const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: data.labCss });
    link.addEventListener('load', () => resolve(), { once: true });
    link.addEventListener('error', () => resolve(), { once: true });
    document.head.append(link);
  });
  return labCss;
}

async function wakeLab(element: Element, id: string): Promise<void> {
  if (id === SWEEP_EMBED_ID) {
    const [{ SweepEmbed }] = await Promise.all([import('@/app/ui/lab/sweep/sweep-embed'), loadLabCss()]);
    return addPortal(element, <SweepEmbed />);
  }
  const [{ LabEmbed }, { findPreset }] = await Promise.all([import('@/app/ui/lab/lab-embed'), import('@/lib/lab/presets'), loadLabCss()]);
  const preset = findPreset(id);
  if (!preset) return;
  addPortal(element, <LabEmbed preset={preset} />);
}

/** Brings one island to life; boot.ts calls it as the island nears the viewport. */
const woken = new WeakSet<Element>();

export function wake(element: Element): void {
  if (woken.has(element)) return;
  woken.add(element);
  if (element.getAttribute('data-island') === 'lesson-end') {
    hydrateRoot(element, <LessonEnd {...pageJson<LessonEndProps>('lesson-end-props')} />);
    return;
  }
  const diagramId = element.getAttribute('data-diagram-root');
  const diagram = data.diagrams.find((candidate) => candidate.id === diagramId);
  if (diagram) return addPortal(element, <DiagramCanvas {...diagram} />);
  const labId = element.getAttribute('data-lab-root');
  if (labId) void wakeLab(element, labId);
}
