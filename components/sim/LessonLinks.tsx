import { lessonUrl } from '@/lib/sim/paths';

/** "Lessons: kafka/acks, kafka/replicas" under a scenario (the library card and the scenario page). */
export function LessonLinks({ locale, lessons, label }: { locale: string; lessons: string[]; label: string }) {
  if (lessons.length === 0) return null;
  return (
    <p className="mt-2 text-sm">
      {label}:{' '}
      {lessons.map((l, i) => (
        <span key={l}>
          {i > 0 && ', '}
          <a className="link" href={lessonUrl(locale, l)}>
            {l}
          </a>
        </span>
      ))}
    </p>
  );
}
