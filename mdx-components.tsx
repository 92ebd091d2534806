/**
 * The closed MDX vocabulary (content/AUTHORING.md; names in lib/mdx/vocabulary.json, which the remark plugin
 * enforces at compile time). Lessons never import: every tag they may use is bound here.
 *
 * Most components need the page's locale (labels) or the lesson's data (the quiz), which a server component can
 * only receive as props, so the lesson page renders `<Content components={lessonComponents(ctx)} />`.
 * `useMDXComponents` (required by @next/mdx) therefore adds nothing: an MDX file rendered without
 * `lessonComponents` fails the build with "Expected component … to be defined" instead of rendering unlabeled UI.
 */
import type { MDXComponents } from 'mdx/types';
import type { ReactNode } from 'react';
import { Answer30s } from '@/components/mdx/Answer30s';
import { Callout, type CalloutProps } from '@/components/mdx/Callout';
import { Correction, type CorrectionProps } from '@/components/mdx/Correction';
import { Figure } from '@/components/mdx/Figure';
import { FollowUp, FollowUps } from '@/components/mdx/FollowUps';
import { Recap } from '@/components/mdx/Recap';
import { Simulation } from '@/components/mdx/Simulation';
import { Term } from '@/components/mdx/Term';
import { Versions } from '@/components/mdx/Versions';
import { Quiz } from '@/components/Quiz';
import type { Locale, QuizItem } from '@/lib/content/schema';
import { fill, getDictionary } from '@/lib/i18n';
import { glossaryHref } from '@/lib/seo/paths';

export interface LessonContext {
  locale: Locale;
  /** The lesson's quiz items (from {slug}.quiz.yaml), rendered by <Quiz />. */
  quiz: QuizItem[];
}

type WithChildren = { children?: ReactNode };

export function lessonComponents({ locale, quiz }: LessonContext) {
  const t = getDictionary(locale);
  return {
    Answer30s: ({ children }: WithChildren) => <Answer30s label={t.mdx.answer30s}>{children}</Answer30s>,
    Callout: (props: CalloutProps) => <Callout {...props} label={t.mdx.callout[props.type]} />,
    Correction: (props: CorrectionProps) => (
      <Correction
        {...props}
        labels={{
          said: t.mdx.correctionSaid,
          true: t.mdx.correctionTrue,
          since: t.mdx.correctionSince,
          source: t.mdx.correctionSource,
        }}
      />
    ),
    Versions: ({ children }: WithChildren) => <Versions label={t.mdx.versions}>{children}</Versions>,
    Figure: ({ caption, children }: { caption: string } & WithChildren) => <Figure caption={caption}>{children}</Figure>,
    Simulation: ({ scenario }: { scenario: string }) => <Simulation scenario={scenario} locale={locale} />,
    FollowUps: ({ children }: WithChildren) => <FollowUps label={t.mdx.followUps}>{children}</FollowUps>,
    FollowUp: ({ q, children }: { q: string } & WithChildren) => <FollowUp q={q}>{children}</FollowUp>,
    Recap: ({ children }: WithChildren) => <Recap label={t.mdx.recap}>{children}</Recap>,
    Term: ({ id, children }: { id: string } & WithChildren) => (
      <Term id={id} title={fill(t.mdx.termTitle, { id })} href={`${glossaryHref(locale)}#${id}`}>
        {children}
      </Term>
    ),
    Quiz: () => <Quiz items={quiz} strings={t.quiz} />,
  } satisfies MDXComponents;
}

export function useMDXComponents(components?: MDXComponents): MDXComponents {
  return { ...components };
}
