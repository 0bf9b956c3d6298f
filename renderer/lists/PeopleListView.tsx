// A filtered list of people with multi-select. Placeholder until the triage UI lands.
export function PeopleListView(_props: { accountId: number }) {
  return null;
}
