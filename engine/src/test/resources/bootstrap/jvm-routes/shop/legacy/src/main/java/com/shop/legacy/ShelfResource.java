package com.shop.legacy;

import javax.ws.rs.*;

public class ShelfResource {

    private final long storeId;

    ShelfResource(long storeId) {
        this.storeId = storeId;
    }

    @GET
    public List<Shelf> list() {
        return dao.shelves(storeId);
    }

    @DELETE
    @Path("/{shelfId}/")
    public void remove(@PathParam("shelfId") long shelfId) {
        dao.remove(storeId, shelfId);
    }
}
