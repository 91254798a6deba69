# cmake -DSOURCE=FILE -DTARGET=FILE -P CopyIfPresent.cmake: copies when the
# source exists (htmx is there after `npm ci`), removes a stale copy otherwise.
if(EXISTS ${SOURCE})
	configure_file(${SOURCE} ${TARGET} COPYONLY)
else()
	file(REMOVE ${TARGET})
endif()
