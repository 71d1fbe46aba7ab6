package com.shop.legacy;

import javax.ws.rs.*;
import javax.ws.rs.core.MediaType;

@Path("/stores")
@Produces(MediaType.APPLICATION_JSON)
public class StoreResource {

    @GET
    public List<Store> list() {
        return dao.all();
    }

    @GET
    @Path("{storeId: [0-9]+}")
    public Store get(@PathParam("storeId") long storeId) {
        return dao.get(storeId);
    }

    @Path("{storeId}/shelves")
    public ShelfResource shelves(@PathParam("storeId") long storeId) {
        return new ShelfResource(storeId);
    }
}
