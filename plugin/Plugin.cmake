# The reminders plugin: reminders.so plus its manifest, migrations and
# templates, staged in ${ERP_PLUGINS_DIR}/reminders as the host loads them.

file(READ ${CMAKE_SOURCE_DIR}/manifest.json REMINDERS_MANIFEST)
string(JSON REMINDERS_ID GET ${REMINDERS_MANIFEST} id)
string(JSON REMINDERS_VERSION GET ${REMINDERS_MANIFEST} version)
string(JSON REMINDERS_CLASS GET ${REMINDERS_MANIFEST} class)
set(REMINDERS_STAGE ${ERP_PLUGINS_DIR}/${REMINDERS_ID})

# The pure core: decisions only, no I/O; links Poco::Foundation alone.
add_library(reminders_core STATIC
	plugin/core/AgeBand.cpp
	plugin/core/CalendarDate.cpp
	plugin/core/InvoiceFlagRule.cpp
	plugin/core/LocaleFormat.cpp
	plugin/core/MinimumAmounts.cpp
	plugin/core/PauseDateRule.cpp
	plugin/core/ReminderHolds.cpp
	plugin/core/ReminderPlanner.cpp
	plugin/core/RetryPolicy.cpp
	plugin/core/RunSharing.cpp
	plugin/core/SettingsRules.cpp
	plugin/core/SoftBounceRule.cpp
	plugin/core/StateWords.cpp
	plugin/core/TimerDecision.cpp
)
target_include_directories(reminders_core PUBLIC ${CMAKE_SOURCE_DIR})
# date/date.h is header-only: the core still links Poco::Foundation alone.
target_link_libraries(reminders_core PUBLIC Poco::Foundation erp_sdk_headers)
set_target_properties(reminders_core PROPERTIES
	POSITION_INDEPENDENT_CODE ON CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON)

# Everything but the entry file, so that tests link the same code.
add_library(reminders_impl STATIC
	plugin/BackgroundRuns.cpp
	plugin/BouncesResource.cpp
	plugin/BulkEnableResource.cpp
	plugin/bounces/BounceReader.cpp
	plugin/bounces/MaildirMailbox.cpp
	plugin/bounces/Pop3Mailbox.cpp
	plugin/bounces/Pop3Settings.cpp
	plugin/delivery/GroupCommit.cpp
	plugin/delivery/OutboxBatch.cpp
	plugin/InvoiceFlagResource.cpp
	plugin/LeaseKeeper.cpp
	plugin/PlanJson.cpp
	plugin/PreviewResource.cpp
	plugin/ReminderFields.cpp
	plugin/ReminderMetrics.cpp
	plugin/ReminderPlugin.cpp
	plugin/ScreenViewResource.cpp
	plugin/ReminderScreens.cpp
	plugin/SettingsResource.cpp
	plugin/SuppressionResource.cpp
	plugin/TestEmailResource.cpp
	plugin/WeeklySchedule.cpp
	plugin/mail/BounceParser.cpp
	plugin/mail/ClientTls.cpp
	plugin/mail/HeaderEncoding.cpp
	plugin/mail/MimeBuilder.cpp
	plugin/mail/QuotedPrintable.cpp
	plugin/mail/ReminderComposer.cpp
	plugin/mail/ReturnPath.cpp
	plugin/mail/ReturnPathTransport.cpp
	plugin/mail/SettingsSection.cpp
	plugin/mail/SmtpSettings.cpp
	plugin/mail/SmtpTransport.cpp
	plugin/mail/SpoolTransport.cpp
	plugin/mail/TemplateSet.cpp
	plugin/mail/TransportFactory.cpp
	plugin/RunProgressJson.cpp
	plugin/RunReport.cpp
	plugin/RunsResource.cpp
	plugin/WeeklyRun.cpp
	plugin/ZonedClock.cpp
	plugin/store/BounceStore.cpp
	plugin/store/PlanningStore.cpp
	plugin/store/ReminderFieldStore.cpp
	plugin/store/RunStore.cpp
	plugin/store/SettingsStore.cpp
	hooks/InvoiceCreatedHook.cpp
	hooks/PaymentRecordedHook.cpp
)
target_include_directories(reminders_impl PUBLIC ${CMAKE_SOURCE_DIR})
target_link_libraries(reminders_impl PUBLIC reminders_core erp_sdk Poco::Foundation Poco::Util Poco::JSON Poco::Data
	Poco::Net Poco::NetSSL date::date-tz PkgConfig::CTEMPLATE)
target_compile_definitions(reminders_impl PUBLIC REMINDERS_VERSION="${REMINDERS_VERSION}")
set_target_properties(reminders_impl PROPERTIES
	POSITION_INDEPENDENT_CODE ON CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON)

add_library(reminders MODULE plugin/PluginLibrary.cpp)
target_link_libraries(reminders PRIVATE reminders_impl)
target_link_options(reminders PRIVATE -Wl,--no-undefined)
set_target_properties(reminders PROPERTIES
	PREFIX ""
	CXX_VISIBILITY_PRESET hidden
	VISIBILITY_INLINES_HIDDEN ON
	LIBRARY_OUTPUT_DIRECTORY ${REMINDERS_STAGE})
# Staged on every build (not only when the library relinks), so that a
# changed template or migration reaches the plugin folder the host loads.
add_custom_target(reminders_stage
	COMMAND ${CMAKE_COMMAND} -E make_directory ${REMINDERS_STAGE}
	COMMAND ${CMAKE_COMMAND} -E copy ${CMAKE_SOURCE_DIR}/manifest.json ${REMINDERS_STAGE}/manifest.json
	COMMAND ${CMAKE_COMMAND} -E copy_directory ${CMAKE_SOURCE_DIR}/sql ${REMINDERS_STAGE}/sql
	COMMAND ${CMAKE_COMMAND} -E copy_directory ${CMAKE_SOURCE_DIR}/templates ${REMINDERS_STAGE}/templates
	COMMENT "Staging the reminders plugin in ${REMINDERS_STAGE}")
add_dependencies(reminders reminders_stage)

# erp-plugin-reminders (cmake/Packaging.cmake): the plugin's folder in the
# packaged host's plugins.directory, laid out as staged above.
set(REMINDERS_INSTALL_DIR lib/erp-host/plugins/${REMINDERS_ID})
install(TARGETS reminders LIBRARY DESTINATION ${REMINDERS_INSTALL_DIR} COMPONENT reminders
	PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
install(FILES ${CMAKE_SOURCE_DIR}/manifest.json DESTINATION ${REMINDERS_INSTALL_DIR} COMPONENT reminders)
install(DIRECTORY ${CMAKE_SOURCE_DIR}/sql ${CMAKE_SOURCE_DIR}/templates DESTINATION ${REMINDERS_INSTALL_DIR}
	COMPONENT reminders)
