// Seed 002: "Inserting and querying data from specific groups".
// Run: omero shell --login -u user-2 scripts/examples/02-inserts-and-queries.ts
// from omero.model import *, omero.rtypes, ParametersI, Delete, CmdCallbackI: preloaded.

// Session that has already been created for user-2
session = client.getSession()
// Project object instantiation
private_project = new ProjectI()
private_project.name = rstring('private-1 project')
read_only_project = new ProjectI()
read_only_project.name = rstring('read-only-1 project')
// Retrieve the services we are going to use
update_service = session.getUpdateService()
admin_service = session.getAdminService()
query_service = session.getQueryService()
// Groups we are going to write data into
private_group = admin_service.lookupGroup('private-1')
read_only_group = admin_service.lookupGroup('read-only-1')
// Save and return our two projects, setting the context correctly for each
ctx = {'omero.group': String(private_group.id.val)}
private_project = update_service.saveAndReturnObject(private_project, ctx)
ctx = {'omero.group': String(read_only_group.id.val)}
read_only_project = update_service.saveAndReturnObject(read_only_project, ctx)
private_project_id = private_project.id.val
read_only_project_id = read_only_project.id.val
print(`Created Project:${private_project_id} in group private-1`)
print(`Created Project:${read_only_project_id} in group read-only-1`)
// Query for the private project we created using private-1
//
// You will notice that this returns the Project as we have specified
// the group that the Project is in within the context passed to the
// query service.
ctx = {'omero.group': String(private_group.id.val)}
params = new ParametersI()
params.addId(private_project_id)
projects = query_service.findAllByQuery(
        'select p from Project as p ' +
        'where p.id = :id', params, ctx)
print(`Found ${projects.length} Project(s) with ID ${private_project_id} in group private-1`)
// Query for the private project we created using read-only-1
//
// You will notice that this does not return the Project as we have **NOT**
// specified the group that the Project is in within the context
// passed to the query service.
ctx = {'omero.group': String(read_only_group.id.val)}
params = new ParametersI()
params.addId(private_project_id)
projects = query_service.findAllByQuery(
        'select p from Project as p ' +
        'where p.id = :id', params, ctx)
print(`Found ${projects.length} Project(s) with ID ${private_project_id} in group read-only-1`)
// Use the OMERO 4.3.x introduced delete service to clean up the Projects
// we have just created.
handle = session.submit(new Delete('/Project', private_project_id, null))
try {
    callback = new CmdCallbackI(client, handle)
    callback.loop(10, 1000)  // Loop a maximum of ten times each 1000ms
} finally {
    // Safely ensure that the Handle to the delete request is cleaned up,
    // otherwise there is the possibility of resource leaks server side that
    // will only be cleaned up periodically.
    handle.close()
}
handle = session.submit(new Delete('/Project', read_only_project_id, null))
try {
    callback = new CmdCallbackI(client, handle)
    callback.loop(10, 1000)  // Loop a maximum of ten times each 1000ms
} finally {
    handle.close()
}

// Example output:
// Created Project:113 in group private-1
// Created Project:114 in group read-only-1
// Found 1 Project(s) with ID 113 in group private-1
// Found 0 Project(s) with ID 113 in group read-only-1
