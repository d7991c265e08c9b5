/**
 * The portal's vocabulary: audiences (`doelgroep` in content) and topics (`onderwerp` in content).
 * One list for content schemas, pages, search filters, the sociale kaart and the chat,
 * so a topic name can never drift between them.
 */

export const AUDIENCES = ['ouders', 'jongeren', 'professionals'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** "Jongeren" on this site are 12 to 23: an activity for younger children is for `ouders`. */
export const YOUTH_AGES = { min: 12, max: 23 } as const;

export const AUDIENCE_LABELS: Record<Audience, string> = {
  ouders: 'Ouders',
  jongeren: 'Jongeren',
  professionals: 'Professionals',
};

export const TOPICS = ['problemen', 'middelengebruik', 'opvoeden', 'gezondheid', 'veiligheid', 'school', 'samenwerking', 'hulp'] as const;
export type Topic = (typeof TOPICS)[number];

interface TopicInfo {
  /** Label shown in filters and breadcrumbs. */
  label: string;
  /** One line under the topic heading on a topic page. */
  intro: string;
}

export const TOPIC_INFO: Record<Topic, TopicInfo> = {
  problemen: { label: 'Problemen', intro: 'Over dingen die moeilijk zijn, en wat je eraan kunt doen.' },
  middelengebruik: { label: 'Alcohol, roken, drugs en gamen', intro: 'Eerlijke informatie over alcohol, roken, vapen, cannabis, drugs en gamen.' },
  opvoeden: { label: 'Opvoeden', intro: 'Tips voor elke leeftijd, van baby tot jongvolwassene.' },
  gezondheid: { label: 'Gezondheid', intro: 'Over gezond eten, slapen, bewegen en je goed voelen.' },
  veiligheid: { label: 'Veiligheid', intro: 'Als iemand niet veilig is, thuis of daarbuiten.' },
  school: { label: 'School', intro: 'Over school, leren en passend onderwijs.' },
  samenwerking: { label: 'Samenwerken en verwijzen', intro: 'Afspraken tussen organisaties: signaleren, verwijzen en samen één plan maken.' },
  hulp: { label: 'Hulp en het CJG', intro: 'Wat het CJG doet en hoe je hulp krijgt.' },
};

/**
 * Age bands offered as search and directory filters, in the youth chat and in the statistics.
 * `min` and `max` are inclusive whole years and the bands do not overlap: someone who is 18 is in one band only.
 * The ids are stored (indicator counts, sign-ups, links with `?leeftijd=`) and stay as they are; people read the labels.
 */
export const AGE_BANDS = [
  { id: '0-4', label: '0 t/m 3 jaar', min: 0, max: 3 },
  { id: '4-12', label: '4 t/m 11 jaar', min: 4, max: 11 },
  { id: '12-18', label: '12 t/m 17 jaar', min: 12, max: 17 },
  { id: '18-23', label: '18 t/m 23 jaar', min: 18, max: 23 },
] as const;
export type AgeBandId = (typeof AGE_BANDS)[number]['id'];

/** The age bands an age range [min, max] (inclusive years) overlaps; used to tag pages for filtering. */
export function ageBandsFor(min: number, max: number): AgeBandId[] {
  return AGE_BANDS.filter((g) => min <= g.max && max >= g.min).map((g) => g.id);
}
