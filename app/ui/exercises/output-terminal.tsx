'use client';

import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef } from 'react';

/** What the workspace writes to the pane. */
export interface TerminalHandle {
  clear(): void;
  writeLines(lines: readonly string[]): void;
}

const LIGHT = { background: '#f5f6f8', foreground: '#16181d', cursor: '#f5f6f8', green: '#1a7f37', red: '#b42318', yellow: '#8a5a00', brightBlack: '#4a5160' };
const DARK = { background: '#171a21', foreground: '#e6e8ec', cursor: '#171a21', green: '#4ac26b', red: '#ff7b72', yellow: '#e3b341', brightBlack: '#9aa3b2' };
const IGNORE_LINKS = { activate: () => {}, allowNonHttpProtocols: false };
const themeNow = () => (document.documentElement.dataset.theme === 'dark' ? DARK : LIGHT);

/** The output pane: an xterm that only prints (no input), sized to its box. Client-only. */
export default function OutputTerminal({ onReady }: { onReady: (terminal: TerminalHandle) => void }) {
  const host = useRef<HTMLDivElement>(null);
  const ready = useRef(onReady);
  useEffect(() => {
    ready.current = onReady;
  });

  useEffect(() => {
    // Learner text reaches the pane without control characters (run-report's printable), so it
    // cannot write OSC 8 links; the handler makes sure no link could open anything anyway.
    const terminal = new Terminal({ convertEol: true, disableStdin: true, cursorBlink: false, fontSize: 13, rows: 16, scrollback: 2000, theme: themeNow(), screenReaderMode: false, linkHandler: IGNORE_LINKS });
    terminal.open(host.current!);
    // Output only: keep xterm's input textarea out of the tab order (the pane is aria-hidden; the transcript is read instead).
    if (terminal.textarea) {
      terminal.textarea.tabIndex = -1;
      terminal.textarea.readOnly = true;
    }
    const fit = () => {
      const box = host.current;
      const core = terminal as unknown as { _core?: { _renderService?: { dimensions?: { css: { cell: { width: number } } } } } };
      const cell = core._core?._renderService?.dimensions?.css.cell.width;
      if (box && cell) terminal.resize(Math.max(20, Math.floor((box.clientWidth - 16) / cell)), terminal.rows);
    };
    fit();
    const resize = new ResizeObserver(fit);
    resize.observe(host.current!);
    const themeWatch = new MutationObserver(() => (terminal.options.theme = themeNow()));
    themeWatch.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    ready.current({
      clear: () => terminal.reset(),
      writeLines: (lines) => terminal.write(lines.map((line) => `${line}\r\n`).join('')),
    });
    return () => {
      resize.disconnect();
      themeWatch.disconnect();
      terminal.dispose();
    };
  }, []);

  return <div ref={host} className="output-terminal" aria-hidden="true" data-testid="output-terminal" />;
}
