// Views, saved filters and tags of the selected account. Placeholder until the triage UI lands.
export function Sidebar(_props: { accountId: number }) {
  return null;
}
