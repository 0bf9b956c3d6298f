// How each network is named to the user: in the window, and in notifications main shows. Each
// network's contract file (shared/api/networks/) says it.
export { NETWORK_LABELS } from './api/networks';
