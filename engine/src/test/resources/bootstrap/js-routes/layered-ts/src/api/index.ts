import { Router } from 'express';
import auth from './routes/auth';
import profile from './routes/profile';
import health from './routes/health';

export default (): Router => {
  const app = Router();
  auth(app);
  profile(app);
  health(app);
  return app;
};
