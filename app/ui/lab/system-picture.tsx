'use client';

import { useEffect, useRef } from 'react';
import type { ServerSnapshot } from '@/lib/sim/simulator';
import type { FrameStore } from './frame-store';
import { useReducedMotion } from './use-reduced-motion';

const ROW_HEIGHT = 26;
const PADDING = 12;
/** How long a request dot takes from the balancer to its server, in wall time. */
const FLIGHT_MS = 450;
/** Dots per server per frame at most: past this a row is simply "busy", more dots add nothing but cost. */
const MAX_DOTS_PER_ROW = 3;

interface Dot {
  row: number;
  born: number;
  dropped: boolean;
}

interface Palette {
  fg: string;
  muted: string;
  border: string;
  accent: string;
  good: string;
  bad: string;
  warn: string;
  soft: string;
}

function readPalette(element: Element): Palette {
  const style = getComputedStyle(element);
  const read = (name: string) => style.getPropertyValue(name).trim();
  return { fg: read('--fg'), muted: read('--fg-muted'), border: read('--border'), accent: read('--accent'), good: read('--good'), bad: read('--bad'), warn: read('--warn'), soft: read('--bg-soft') };
}

/** Canvas height for `servers` rows, so the layout never jumps as frames arrive. */
export const pictureHeight = (servers: number) => Math.max(150, servers * ROW_HEIGHT + PADDING * 2);

/**
 * Clients → balancer → servers, redrawn every animation frame from the latest worker frame:
 * dots fly to the server each request was routed to, bars show busy workers and the queue,
 * and a server's colour says what the balancer believes about it. Reduced motion keeps the
 * bars and drops the dots.
 */
export function SystemPicture({ store, variant, algorithm, label }: { store: FrameStore; variant: number; algorithm: string; label: string }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const reducedMotion = useReducedMotion();

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const context = canvas.getContext('2d');
    if (!context) return;
    let palette = readPalette(canvas);
    const themeWatcher = new MutationObserver(() => (palette = readPalette(canvas)));
    themeWatcher.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class'] });

    let dots: Dot[] = [];
    let lastFrame: unknown;
    let lastTurnedAway = 0;
    let animation = 0;

    const draw = (time: number) => {
      animation = requestAnimationFrame(draw);
      const frame = store.latest;
      const snapshot = frame?.snapshots[variant];
      const servers = snapshot?.servers ?? [];
      const width = canvas.clientWidth;
      const height = pictureHeight(servers.length);
      const ratio = window.devicePixelRatio || 1;
      if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
        canvas.width = Math.round(width * ratio);
        canvas.height = Math.round(height * ratio);
        canvas.style.height = `${height}px`;
      }
      context.setTransform(ratio, 0, 0, ratio, 0, 0);
      context.clearRect(0, 0, width, height);
      context.font = '12px system-ui, sans-serif';
      context.textBaseline = 'middle';

      // Boxes and gaps scale with the width so the picture reads on a 360 px phone and a wide screen alike.
      const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
      const clientX = PADDING;
      const clientWidth = clamp(width * 0.12, 54, 80);
      const balancerWidth = clamp(width * 0.16, 74, 110);
      const balancerLeft = clientX + clientWidth + clamp(width * 0.1, 16, 140);
      const balancerRight = balancerLeft + balancerWidth;
      const balancerX = balancerLeft + balancerWidth / 2;
      const serverX = balancerRight + clamp(width * 0.14, 36, 200);
      const middle = height / 2;
      const rowY = (row: number) => PADDING + row * ROW_HEIGHT + ROW_HEIGHT / 2;

      drawBox(context, clientX, middle - 22, clientWidth, 44, palette.soft, palette.border);
      drawLabel(context, 'Clients', clientX + clientWidth / 2, middle, palette.fg);
      drawBox(context, balancerLeft, middle - 22, balancerWidth, 44, palette.soft, palette.accent);
      drawLabel(context, truncate(algorithm, Math.floor((balancerWidth - 8) / 6.5)), balancerX, middle, palette.fg);
      context.strokeStyle = palette.border;
      line(context, clientX + clientWidth, middle, balancerLeft, middle);

      const routedTotal = servers.reduce((sum, server) => sum + server.routed, 0);
      servers.forEach((server, row) => {
        const y = rowY(row);
        // Links fade with the share of traffic they carry: visible even with motion reduced.
        const share = routedTotal > 0 ? server.routed / routedTotal : 0;
        context.globalAlpha = 0.25 + 0.75 * Math.min(1, share * servers.length);
        context.strokeStyle = isServing(server) ? palette.accent : palette.border;
        line(context, balancerRight, middle, serverX, y);
        context.globalAlpha = 1;
        drawServerRow(context, server, serverX, y, width - serverX - PADDING, palette);
      });

      if (frame && frame !== lastFrame && !reducedMotion && snapshot) {
        lastFrame = frame;
        servers.forEach((server, row) => {
          for (let i = 0; i < Math.min(MAX_DOTS_PER_ROW, server.routed); i++) dots.push({ row, born: time + (i * FLIGHT_MS) / 6, dropped: false });
        });
        // Turned away since the previous frame: the run's totals only grow, so the difference is this frame's.
        const metrics = frame.metrics[variant];
        const turnedAway = metrics ? metrics.dropped + metrics.failed : 0;
        const dropped = Math.min(MAX_DOTS_PER_ROW, Math.max(0, turnedAway - lastTurnedAway));
        lastTurnedAway = turnedAway;
        for (let i = 0; i < dropped; i++) dots.push({ row: -1, born: time + (i * FLIGHT_MS) / 6, dropped: true });
      }
      dots = dots.filter((dot) => time - dot.born < FLIGHT_MS);
      for (const dot of dots) {
        const progress = (time - dot.born) / FLIGHT_MS;
        if (progress < 0) continue;
        context.fillStyle = dot.dropped ? palette.bad : palette.accent;
        const x = dot.dropped ? balancerX + 10 * progress : balancerRight + (serverX - balancerRight) * progress;
        const y = dot.dropped ? middle + 22 + 40 * progress : middle + (rowY(dot.row) - middle) * progress;
        context.beginPath();
        context.arc(x, y, 3, 0, Math.PI * 2);
        context.fill();
      }
    };
    animation = requestAnimationFrame(draw);
    return () => {
      cancelAnimationFrame(animation);
      themeWatcher.disconnect();
    };
  }, [store, variant, algorithm, reducedMotion]);

  return (
    <canvas
      ref={canvasRef}
      className="lab-picture"
      role="img"
      aria-label={`${label}: requests flowing from clients through the balancer to each server. The table below gives the same numbers.`}
    />
  );
}

const isServing = (server: ServerSnapshot) => server.state === 'up' && server.checkedHealthy;

function drawServerRow(context: CanvasRenderingContext2D, server: ServerSnapshot, x: number, y: number, width: number, palette: Palette) {
  const colour = server.state === 'down' || server.state === 'removed' ? palette.bad : !server.checkedHealthy || server.state !== 'up' ? palette.warn : palette.good;
  context.fillStyle = colour;
  context.beginPath();
  context.arc(x + 6, y, 5, 0, Math.PI * 2);
  context.fill();
  context.fillStyle = palette.fg;
  context.textAlign = 'left';
  context.fillText(server.id, x + 16, y);
  const barX = x + 40;
  const barWidth = Math.max(40, width - 40);
  const busyWidth = barWidth * 0.6;
  // Busy workers out of capacity, then the queue on a scale of twice the capacity.
  context.strokeStyle = palette.border;
  context.strokeRect(barX, y - 7, busyWidth, 14);
  context.fillStyle = palette.accent;
  context.fillRect(barX, y - 7, busyWidth * Math.min(1, server.inService / Math.max(1, server.capacity)), 14);
  const queueX = barX + busyWidth + 6;
  const queueWidth = barWidth - busyWidth - 6;
  context.strokeRect(queueX, y - 7, queueWidth, 14);
  context.fillStyle = palette.warn;
  context.fillRect(queueX, y - 7, queueWidth * Math.min(1, server.queued / Math.max(1, server.capacity * 2)), 14);
}

function drawBox(context: CanvasRenderingContext2D, x: number, y: number, width: number, height: number, fill: string, stroke: string) {
  context.fillStyle = fill;
  context.strokeStyle = stroke;
  context.lineWidth = 1.5;
  context.beginPath();
  context.roundRect(x, y, width, height, 8);
  context.fill();
  context.stroke();
  context.lineWidth = 1;
}

function drawLabel(context: CanvasRenderingContext2D, text: string, x: number, y: number, colour: string) {
  context.fillStyle = colour;
  context.textAlign = 'center';
  context.fillText(text, x, y);
}

function line(context: CanvasRenderingContext2D, x1: number, y1: number, x2: number, y2: number) {
  context.beginPath();
  context.moveTo(x1, y1);
  context.lineTo(x2, y2);
  context.stroke();
}

const truncate = (text: string, length: number) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);
