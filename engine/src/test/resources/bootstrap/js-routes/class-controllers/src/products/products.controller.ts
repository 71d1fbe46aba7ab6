import * as express from 'express';

class ProductsController {
  public path = '/products';
  public router = express.Router();

  constructor() {
    this.initialiseRoutes();
  }

  private initialiseRoutes() {
    this.router
      .route(this.path)
      .get(this.getAll)
      .post(this.add);
    this.router.delete(`${this.path}/:sku`, this.remove);
  }

  getAll = (request: express.Request, response: express.Response) => {
    response.send([]);
  };

  add = (request: express.Request, response: express.Response) => {
    response.send(request.body);
  };

  remove = (request: express.Request, response: express.Response) => {
    response.sendStatus(204);
  };
}

export default ProductsController;
