'use client';

/**
 * The simulator embedded in a lesson, loaded lazily: until the learner scrolls it into view or presses
 * "Run the simulation", this renders only the static placeholder, and the player's chunk (simulator engines, zod,
 * xstate, views) is not requested. `import('./Player')` lives inside React.lazy, whose factory runs on first render
 * of <Player>, which happens only after `open` flips — that is the one place the heavy import can start.
 *
 * Trap: never import anything from '@/simulator' (or lib/sim modules that do) at the top of this file; it would
 * pull the engines into every lesson page's baseline bundle.
 */
import { Component, lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import type { ScenarioData } from '@/lib/sim/load';
import type { ScenarioCard } from '@/lib/sim/summary';
import { Icon } from './icons';
import { Placeholder } from './Placeholder';

const Player = lazy(() => import('./Player'));

export interface LazySimulationProps extends ScenarioCard {
  /** Load as soon as it mounts (the scenario page), instead of on scroll / press. */
  eager?: boolean;
  /** Read and write `?s=` (the full-page simulator only; lessons leave the URL alone). */
  syncUrl?: boolean;
  /** The scenario's build-time data, for a page that prerenders the player (else the player fetches it). */
  data?: ScenarioData;
}

/** Shows the placeholder with a retry button if the chunk fails to load (offline, deploy in between). */
class LoadBoundary extends Component<{ fallback: (retry: () => void) => ReactNode; children: ReactNode }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  render() {
    return this.state.failed ? this.props.fallback(() => this.setState({ failed: false })) : this.props.children;
  }
}

export function LazySimulation({ eager = false, syncUrl = false, data, ...card }: LazySimulationProps) {
  const t = card.labels;
  const [open, setOpen] = useState(eager);
  const [autoPlay, setAutoPlay] = useState(false);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (open || !ref.current || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setOpen(true);
      },
      // Start loading a little before it scrolls in, so it is ready when it arrives.
      { rootMargin: '200px 0px' },
    );
    io.observe(ref.current);
    return () => io.disconnect();
  }, [open]);

  const placeholder = (extra?: ReactNode) => (
    <Placeholder card={card} busy={open}>
      {extra ?? (
        <>
          <button
            type="button"
            onClick={() => {
              setAutoPlay(true);
              setOpen(true);
            }}
            className="inline-flex items-center gap-1.5 rounded-md bg-producer px-4 py-2 font-semibold text-surface"
            data-testid="lazy-play"
          >
            <Icon name="play" />
            {open ? t.loading : t.play}
          </button>
          <p className="mt-2 text-sm text-ink-muted">{t.hint}</p>
        </>
      )}
    </Placeholder>
  );

  return (
    <div ref={ref} data-lazy-simulation={card.id} data-system={card.system} data-narration={data ? (data.narration ? 'build' : 'code') : undefined}>
      {open ? (
        <LoadBoundary
          fallback={(retry) =>
            placeholder(
              <p role="alert">
                {t.failed}{' '}
                <button type="button" className="link" onClick={retry}>
                  {t.retry}
                </button>
              </p>,
            )
          }
        >
          <Suspense fallback={placeholder()}>
            <Player id={card.id} system={card.system} locale={card.locale} syncUrl={syncUrl} autoPlay={autoPlay} data={data} />
          </Suspense>
        </LoadBoundary>
      ) : (
        placeholder()
      )}
    </div>
  );
}

export default LazySimulation;
