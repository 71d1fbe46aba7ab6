import expressLoader from './express';
import type { Application } from 'express';

export default async ({ expressApp }: { expressApp: Application }) => {
  await expressLoader({ app: expressApp });
};
