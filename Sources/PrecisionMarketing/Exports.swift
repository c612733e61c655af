// The umbrella module: one import gives every module of the library.
@_exported import CustomerModel
@_exported import Scoring
@_exported import Segmentation
@_exported import Recommendation
@_exported import Privacy
@_exported import Campaigns
@_exported import Social
