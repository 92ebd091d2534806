'use client';

import { useMemo } from 'react';
import type { EventRecord, Marker } from '@/simulator/core/types';
import { fill } from '@/lib/sim/fill';
import type { SimStrings } from '@/lib/i18n/sim';
import type { PlayerEvent, PlayerStateValue, Speed } from '@/lib/sim/player-machine';
import { markerTicks } from '@/lib/sim/ticks';

/** Marker glyphs: a shape per kind, so the scrubber does not rely on colour. */
const GLYPH: Record<Marker, { glyph: string; cls: string }> = {
  loss: { glyph: '✕', cls: 'text-lost' },
  'dead-letter': { glyph: '☠', cls: 'text-dead-lettered' },
  duplicate: { glyph: '⧉', cls: 'text-duplicated' },
  'leader-change': { glyph: '★', cls: 'text-producer' },
  crash: { glyph: '⚡', cls: 'text-lost' },
  fault: { glyph: '⚠', cls: 'text-dead-lettered' },
  'isr-change': { glyph: '◐', cls: 'text-consumer' },
  rebalance: { glyph: '⟳', cls: 'text-consumer' },
  error: { glyph: '!', cls: 'text-lost' },
  ack: { glyph: '✓', cls: 'text-acked' },
  commit: { glyph: '⚑', cls: 'text-acked' },
};

const btn = 'inline-flex min-h-10 min-w-10 items-center justify-center gap-1 rounded-md border border-line px-2 py-1 text-sm hover:bg-surface-muted disabled:opacity-50';

export function Controls({
  t,
  state,
  step,
  length,
  speed,
  records,
  lossAt,
  send,
  onShare,
}: {
  t: SimStrings;
  state: PlayerStateValue;
  step: number;
  length: number;
  speed: Speed;
  records: EventRecord[];
  lossAt: number | null;
  send: (e: PlayerEvent) => void;
  onShare: () => void;
}) {
  const ticks = useMemo(() => markerTicks(records, 160), [records]);
  const playing = state === 'playing';
  const present = useMemo(() => [...new Set(ticks.map((k) => k.marker))], [ticks]);
  return (
    <div>
      <div role="toolbar" aria-label={t.player.views} className="flex flex-wrap items-center gap-1.5">
        <button type="button" className={btn} onClick={() => send({ type: 'player.restart' })} aria-label={t.player.restart} title={t.player.restart}>
          <span aria-hidden="true">⟲</span>
        </button>
        <button type="button" className={btn} onClick={() => send({ type: 'player.home' })} aria-label={t.player.home} title={t.player.home} disabled={step === 0}>
          <span aria-hidden="true">⏮</span>
        </button>
        <button type="button" className={btn} onClick={() => send({ type: 'player.back' })} aria-label={t.player.back} title={t.player.back} disabled={step === 0}>
          <span aria-hidden="true">◀</span>
        </button>
        <button
          type="button"
          className={`${btn} min-w-24 bg-producer font-semibold text-surface hover:bg-producer`}
          onClick={() => send({ type: playing ? 'player.pause' : 'player.play' })}
          data-testid="play"
        >
          <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span> {playing ? t.player.pause : t.player.play}
        </button>
        <button type="button" className={btn} onClick={() => send({ type: 'player.step' })} aria-label={t.player.step} title={t.player.step} disabled={step >= length} data-testid="step">
          <span aria-hidden="true">▶|</span>
        </button>
        <button type="button" className={btn} onClick={() => send({ type: 'player.end' })} aria-label={t.player.end} title={t.player.end} disabled={step >= length}>
          <span aria-hidden="true">⏭</span>
        </button>
        <span className="mx-1 inline-flex items-center gap-1" role="group" aria-label={t.player.speed}>
          <button type="button" className={btn} onClick={() => send({ type: 'player.slower' })} aria-label={t.player.slower} title={t.player.slower} disabled={speed <= 0.25}>
            <span aria-hidden="true">−</span>
          </button>
          <output className="w-12 text-center font-mono text-sm" aria-label={t.player.speed} data-testid="speed">
            {fill(t.player.speedValue, { x: speed })}
          </output>
          <button type="button" className={btn} onClick={() => send({ type: 'player.faster' })} aria-label={t.player.faster} title={t.player.faster} disabled={speed >= 8}>
            <span aria-hidden="true">+</span>
          </button>
        </span>
        <button
          type="button"
          className={`${btn} border-lost`}
          onClick={() => lossAt !== null && send({ type: 'player.seek', step: lossAt })}
          disabled={lossAt === null}
          title={lossAt === null ? t.player.noLoss : t.player.jumpLoss}
          data-testid="jump-loss"
        >
          <span aria-hidden="true" className="text-lost">
            ✕
          </span>{' '}
          {lossAt === null ? t.player.noLoss : t.player.jumpLoss}
        </button>
        <button type="button" className={btn} onClick={onShare} data-testid="share">
          <span aria-hidden="true">🔗</span> {t.player.share}
        </button>
      </div>

      <div className="mt-3">
        {/* Ticks are glyphs (shape) in their marker colour, so colour is never the only signal. Pointer only:
            keyboard users reach the same events through the range input and the event log. */}
        <div className="relative h-5 w-full" aria-hidden="true" data-testid="markers">
          {ticks.map((k) => (
            <span
              key={k.step}
              onClick={() => send({ type: 'player.seek', step: k.step })}
              style={{ left: `${k.at * 100}%` }}
              className={`absolute top-0 -translate-x-1/2 cursor-pointer text-xs leading-5 ${GLYPH[k.marker].cls}`}
            >
              {GLYPH[k.marker].glyph}
            </span>
          ))}
        </div>
        <input
          type="range"
          min={0}
          max={length}
          step={1}
          value={step}
          onChange={(e) => send({ type: 'player.seek', step: Number(e.currentTarget.value) })}
          aria-label={t.player.scrubber.replace(/[:：].*$/, '')}
          aria-valuetext={fill(t.player.scrubber, { n: step, total: length })}
          className="block w-full accent-[var(--color-producer)]"
          data-testid="scrubber"
        />
        {present.length > 0 && (
          <ul className="mt-1 flex flex-wrap gap-x-3 text-xs text-ink-muted" aria-label={t.player.markers}>
            {present.map((m) => (
              <li key={m}>
                <span aria-hidden="true" className={GLYPH[m].cls}>
                  {GLYPH[m].glyph}
                </span>{' '}
                {t.markers[m]}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
