'use client';

import { useMemo } from 'react';
import type { EventRecord, Marker } from '@/simulator/core/types';
import { fill } from '@/lib/sim/fill';
import type { SimStrings } from '@/lib/i18n/sim';
import type { PlayerEvent, PlayerStateValue, Speed } from '@/lib/sim/player-machine';
import { MARKER_PRIORITY } from '@/lib/sim/session';
import { nextStop, prevStop, stopIndex } from '@/lib/sim/steps';
import { markerTicks } from '@/lib/sim/ticks';
import { Icon, Mark } from './icons';

const btn = 'inline-flex min-h-10 min-w-10 items-center justify-center gap-1.5 rounded-md border border-line px-2 py-1 text-sm hover:bg-surface-muted disabled:opacity-50';

/** Before the outcome is revealed, the scrubber does not say where (or whether) data is lost. */
const UNREVEALED: Marker[] = MARKER_PRIORITY.filter((m) => m !== 'loss');

export function Controls({
  t,
  state,
  step,
  length,
  stops,
  speed,
  records,
  lossAt,
  revealed,
  showBackground,
  send,
  onJump,
  onShare,
  onToggleBackground,
}: {
  t: SimStrings;
  state: PlayerStateValue;
  step: number;
  length: number;
  /** The steps the player stops at (lib/sim/steps.ts): every event, or foreground events only. */
  stops: number[];
  speed: Speed;
  records: EventRecord[];
  lossAt: number | null;
  revealed: boolean;
  showBackground: boolean;
  send: (e: PlayerEvent) => void;
  onJump: () => void;
  onShare: () => void;
  onToggleBackground: (all: boolean) => void;
}) {
  const playing = state === 'playing';
  const last = stops.length - 1;
  const at = stopIndex(stops, step);
  const ticks = useMemo(() => {
    const raw = markerTicks(records, 160, revealed ? MARKER_PRIORITY : UNREVEALED);
    // Ticks sit where their step falls on the scrubber, whose positions are stops (not raw events).
    return raw.map((k) => ({ ...k, at: last > 0 ? stopIndex(stops, k.step) / last : 0 }));
  }, [records, revealed, stops, last]);
  const present = useMemo(() => [...new Set(ticks.map((k) => k.marker))], [ticks]);
  const jumpLabel = lossAt === null ? t.player.noLoss : revealed ? t.player.jumpLoss : t.player.jumpKey;
  return (
    <div>
      <div role="toolbar" aria-label={t.player.views} className="flex flex-wrap items-center gap-1.5">
        <button type="button" className={btn} onClick={() => send({ type: 'player.restart' })} aria-label={t.player.restart} title={t.player.restart}>
          <Icon name="restart" />
        </button>
        <button type="button" className={btn} onClick={() => send({ type: 'player.home' })} aria-label={t.player.home} title={t.player.home} disabled={step === 0}>
          <Icon name="home" />
        </button>
        <button type="button" className={btn} onClick={() => send({ type: 'player.back', to: prevStop(stops, step) })} aria-label={t.player.back} title={t.player.back} disabled={step === 0} data-testid="back">
          <Icon name="back" />
        </button>
        <button
          type="button"
          className={`${btn} min-w-24 bg-producer font-semibold text-surface hover:bg-producer hover:opacity-90`}
          onClick={() => send({ type: playing ? 'player.pause' : 'player.play' })}
          data-testid="play"
        >
          <Icon name={playing ? 'pause' : 'play'} /> {playing ? t.player.pause : t.player.play}
        </button>
        <button type="button" className={btn} onClick={() => send({ type: 'player.step', to: nextStop(stops, step) })} aria-label={t.player.step} title={t.player.step} disabled={step >= length} data-testid="step">
          <Icon name="step" />
        </button>
        <button type="button" className={btn} onClick={() => send({ type: 'player.end' })} aria-label={t.player.end} title={t.player.end} disabled={step >= length}>
          <Icon name="end" />
        </button>
        <span className="mx-1 inline-flex items-center gap-1" role="group" aria-label={t.player.speed}>
          <button type="button" className={btn} onClick={() => send({ type: 'player.slower' })} aria-label={t.player.slower} title={t.player.slower} disabled={speed <= 0.25}>
            <Icon name="minus" />
          </button>
          <output className="w-12 text-center font-mono text-sm" aria-label={t.player.speed} data-testid="speed">
            {fill(t.player.speedValue, { x: speed })}
          </output>
          <button type="button" className={btn} onClick={() => send({ type: 'player.faster' })} aria-label={t.player.faster} title={t.player.faster} disabled={speed >= 8}>
            <Icon name="plus" />
          </button>
        </span>
        <button type="button" className={`${btn} ${revealed && lossAt !== null ? 'border-lost' : ''}`} onClick={onJump} disabled={lossAt === null} title={jumpLabel} data-testid="jump-loss">
          {revealed && lossAt !== null ? <Mark kind="loss" /> : <Icon name="target" />}
          {jumpLabel}
        </button>
        <button type="button" className={btn} onClick={onShare} data-testid="share">
          <Icon name="link" /> {t.player.share}
        </button>
      </div>

      <div className="mt-3">
        {/* Ticks are marks (shape) in their marker colour, so colour is never the only signal. Pointer only:
            keyboard users reach the same events through the range input and the event log. */}
        <div className="relative mx-2 h-5" aria-hidden="true" data-testid="markers">
          {ticks.map((k) => (
            <span key={k.step} onClick={() => send({ type: 'player.seek', step: k.step })} style={{ left: `${k.at * 100}%` }} className="absolute top-1 -translate-x-1/2 cursor-pointer leading-none" data-marker={k.marker}>
              <Mark kind={k.marker} />
            </span>
          ))}
        </div>
        <input
          type="range"
          min={0}
          max={last}
          step={1}
          value={at}
          onChange={(e) => send({ type: 'player.seek', step: stops[Number(e.currentTarget.value)] ?? 0 })}
          aria-label={t.player.scrubber.replace(/[:：].*$/, '')}
          aria-valuetext={showBackground ? fill(t.player.scrubber, { n: step, total: length }) : fill(t.player.stepScrubber, { n: at, total: last })}
          className="block w-full accent-[var(--color-producer)]"
          data-testid="scrubber"
        />
        <div className="mt-1 flex flex-wrap items-center justify-between gap-x-4 gap-y-1 text-xs text-ink-muted">
          {present.length > 0 ? (
            <ul className="flex flex-wrap gap-x-3 gap-y-1" aria-label={t.player.markers}>
              {present.map((m) => (
                <li key={m} className="inline-flex items-center gap-1">
                  <Mark kind={m} />
                  {t.markers[m]}
                </li>
              ))}
            </ul>
          ) : (
            <span />
          )}
          <label className="inline-flex cursor-pointer items-center gap-1.5">
            <input type="checkbox" checked={showBackground} onChange={(e) => onToggleBackground(e.currentTarget.checked)} data-testid="show-background" />
            {t.player.background}
          </label>
        </div>
      </div>
    </div>
  );
}
