package com.shop.web;

import com.shop.api.ApiPaths;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping(ApiPaths.V1 + "/products")
public class ProductController extends CrudController<Product, Long> {

    private final ProductService products;

    ProductController(ProductService products) {
        this.products = products;
    }

    @Override
    protected CrudService<Product, Long> service() {
        return products;
    }

    @GetMapping(value = "/search", params = "q")
    public List<Product> search(@RequestParam String q) {
        String sql = "select * from product where name like ?"; // @GetMapping("/in-a-comment")
        return products.search(q);
    }
}
