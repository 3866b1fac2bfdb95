// What the admin's registry tab receives: the organisations and their labels.
import type { Organisation } from '../domain/schemas/organisation';

export interface RegistryView {
  organisations: (Organisation & { typeLabel: string; handEdited: boolean })[];
}
